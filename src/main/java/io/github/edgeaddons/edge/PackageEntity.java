package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Reporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The zip, streamed from disk in 64 KiB blocks (never held in memory), reporting progress. Repeatable,
 * so a retried upload sends the file again from its start.
 */
final class PackageEntity extends AbstractHttpEntity {
    static final ContentType ZIP = ContentType.create("application/zip");
    private static final int BLOCK = 64 * 1024;

    private final Path file;
    private final long length;
    private final Reporter reporter;

    PackageEntity(Path file, long length, Reporter reporter) {
        super(ZIP, null);
        this.file = file;
        this.length = length;
        this.reporter = reporter;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[BLOCK];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                sent += n;
                reporter.uploadProgress(sent, length);
            }
        }
        if (sent != length) {
            throw new IOException(file + " changed while it was being uploaded (" + sent + " bytes sent, "
                    + length + " expected)");
        }
        out.flush();
    }

    @Override
    public void close() {}
}
