package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON of every ILPSelect report and result file: one mapper, indented output, atomic writes. */
public final class ReportJson {
    /** Indented output; streams handed to it stay open. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportJson() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a double, or null when it is not finite (JSON has no infinities). */
    public static void putFinite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) node.put(field, value);
        else node.putNull(field);
    }

    /** Writes {@code json} and a newline to {@code target} (temp file + atomic move). */
    public static void write(Path target, ObjectNode json) throws IOException {
        AtomicFiles.write(target, stream -> {
            MAPPER.writeValue(stream, json);
            stream.write('\n');
        });
    }
}
