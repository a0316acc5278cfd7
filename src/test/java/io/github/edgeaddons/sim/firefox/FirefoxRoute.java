package io.github.edgeaddons.sim.firefox;

/** The endpoint a request to the {@link AmoSimulator} was routed to (paths under {@code /api/v5/}, each ending in {@code /}). */
public enum FirefoxRoute {
    /** {@code GET addons/addon/{addon}/}: the add-on (a cheap credential and id check). */
    ADDON,
    /** {@code POST addons/upload/}: multipart {@code upload} (a file part) and {@code channel}. */
    UPLOAD,
    /** {@code GET addons/upload/}: the user's uploads (what a POST without its slash ends up reading). */
    UPLOAD_LIST,
    /** {@code GET addons/upload/{uuid}/}. */
    UPLOAD_STATUS,
    /** {@code POST addons/addon/{addon}/versions/}: JSON, or multipart with a {@code source} file. */
    CREATE_VERSION,
    /** {@code GET addons/addon/{addon}/versions/{id|vNUMBER}/}. */
    VERSION,
    /** {@code PATCH addons/addon/{addon}/versions/{id|vNUMBER}/}: multipart {@code source}, or JSON fields. */
    PATCH_VERSION,
    /** {@code GET /firefox/downloads/file/{fileId}/{name}.xpi}: a version's signed file ({@code file.url}). */
    DOWNLOAD,
    /** A path under {@code /api/v5/} without its trailing slash: 301 to the same path with it. */
    NO_TRAILING_SLASH,
    /** Anything else (a wrong method included): AMO's 404 (or 405). */
    UNKNOWN
}
