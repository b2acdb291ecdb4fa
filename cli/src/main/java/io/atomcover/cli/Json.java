package io.atomcover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** JSON reports: written atomically to a file, or to stdout when the path is "-". */
final class Json {
    /** The path meaning "standard output". */
    static final Path STDOUT = Path.of("-");

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a double, or null when it is not finite (JSON has no infinities). */
    static void putFinite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) node.put(field, value);
        else node.putNull(field);
    }

    /** Writes the report to {@code target} (temp file + atomic move), or to {@code out} for "-". */
    static void write(Path target, ObjectNode report, PrintWriter out) throws IOException {
        if (STDOUT.equals(target)) {
            out.println(MAPPER.writeValueAsString(report));
            out.flush();
            return;
        }
        AtomicFiles.write(target, stream -> {
            MAPPER.writeValue(stream, report);
            stream.write('\n');
        });
    }
}
