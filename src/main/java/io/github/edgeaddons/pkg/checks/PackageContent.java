package io.github.edgeaddons.pkg.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files of a package as the checks see them: names and sizes from the zip's central directory, and a
 * reader for the few files whose bytes a rule needs (messages.json, rule files, the first bytes of icons and
 * of files that may hold a key). Nothing else is read.
 */
public final class PackageContent {

    /** Reads up to {@code maxBytes} of one file of the package. */
    public interface Reader {
        byte[] read(String name, int maxBytes) throws IOException;
    }

    private final Map<String, Long> files;
    private final Set<String> folders;
    private final Map<String, String> byLowerCase = new HashMap<>();
    private final Reader reader;

    /**
     * @param entries every entry of the zip by name ({@code a/b.png}; a folder entry ends with {@code /}) with
     *     its uncompressed size
     */
    public PackageContent(Map<String, Long> entries, Reader reader) {
        this.files = new LinkedHashMap<>();
        java.util.Set<String> dirs = new java.util.HashSet<>();
        for (Map.Entry<String, Long> e : entries.entrySet()) {
            String name = e.getKey();
            if (name.endsWith("/")) {
                dirs.add(name);
                continue;
            }
            files.put(name, e.getValue());
            byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            // the folders a file lies in, whether or not the zip has entries for them
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                dirs.add(name.substring(0, slash + 1));
            }
        }
        for (String dir : dirs) {
            byLowerCase.putIfAbsent(dir.toLowerCase(Locale.ROOT), dir);
        }
        this.folders = Collections.unmodifiableSet(dirs);
        this.reader = reader;
    }

    /** File names (no folders), in the zip's order. */
    public Set<String> files() {
        return Collections.unmodifiableSet(files.keySet());
    }

    /** Folder names, each ending with {@code /}. */
    public Set<String> folders() {
        return folders;
    }

    public boolean isFile(String name) {
        return files.containsKey(name);
    }

    public boolean isFolder(String name) {
        return folders.contains(name.endsWith("/") ? name : name + "/");
    }

    /** The size of a file, or -1 when the zip does not say. */
    public long size(String name) {
        Long size = files.get(name);
        return size == null ? -1 : size;
    }

    /** The entry whose name differs only in case ({@code Popup.html} for {@code popup.html}), or null. */
    public String sameIgnoringCase(String name) {
        String found = byLowerCase.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            found = byLowerCase.get(name.toLowerCase(Locale.ROOT) + "/");
        }
        return found;
    }

    /** The first bytes of a file. */
    byte[] head(String name, int maxBytes) throws IOException {
        return reader.read(name, maxBytes);
    }

    /** A whole (small) file as UTF-8 text, without a byte order mark. */
    String text(String name) throws IOException {
        String text = new String(reader.read(name, Integer.MAX_VALUE), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
