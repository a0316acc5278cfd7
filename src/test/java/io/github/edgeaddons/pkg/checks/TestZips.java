package io.github.edgeaddons.pkg.checks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real zips for the package checks' tests. */
final class TestZips {
    /** The first bytes of a PNG file: enough for the icon checks, which read only those. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private TestZips() {}

    /** Name, content pairs; a content is a String (UTF-8), a byte[], or null for a folder entry. */
    static Map<String, Object> entries(Object... nameThenContent) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            map.put((String) nameThenContent[i], nameThenContent[i + 1]);
        }
        return map;
    }

    static Path zip(Path file, Map<String, Object> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Object content = e.getValue();
                if (content instanceof String) {
                    zip.write(((String) content).getBytes(UTF_8));
                } else if (content instanceof byte[]) {
                    zip.write((byte[]) content);
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A folder's files as a zip, manifest.json first, the rest in name order (as the package goal writes). */
    static Path zipFolder(Path folder, Path file) throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("manifest.json", Files.readAllBytes(folder.resolve("manifest.json")));
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).sorted().forEach(p -> {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (!name.equals("manifest.json")) {
                    try {
                        entries.put(name, Files.readAllBytes(p));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
        return zip(file, entries);
    }
}
