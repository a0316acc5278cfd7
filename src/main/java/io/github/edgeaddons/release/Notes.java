package io.github.edgeaddons.release;

import io.github.edgeaddons.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The certification notes: {@code edge.notesFile} (UTF-8, exact bytes) wins over {@code edge.notes}. */
public final class Notes {
    private Notes() {}

    public static String read(String notes, Path notesFile) throws ConfigException {
        if (notesFile == null) {
            return notes == null ? "" : notes;
        }
        if (!Files.exists(notesFile)) {
            throw new ConfigException("edge.notesFile " + notesFile + " does not exist: create it, or remove"
                    + " edge.notesFile to use edge.notes.");
        }
        if (!Files.isRegularFile(notesFile)) {
            throw new ConfigException("edge.notesFile " + notesFile + " is not a file.");
        }
        try {
            byte[] bytes = Files.readAllBytes(notesFile);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("edge.notesFile " + notesFile + " is not valid UTF-8: save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigException("edge.notesFile " + notesFile + " cannot be read: " + e.getMessage());
        }
    }
}
