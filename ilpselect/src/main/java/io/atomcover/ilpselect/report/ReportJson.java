package io.atomcover.ilpselect.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

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

    /**
     * A copy of {@code node} with every object key in snake_case ("pruningBound" becomes
     * "pruning_bound"), so that files written while the reports still used camelCase keys read back
     * like new ones.
     */
    public static JsonNode snakeCaseKeys(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(snakeCase(e.getKey()), snakeCaseKeys(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = MAPPER.createArrayNode();
            for (JsonNode v : a) copy.add(snakeCaseKeys(v));
            return copy;
        }
        return node;
    }

    /** "pruningCheckMax" as "pruning_check_max"; keys without capitals stay as they are. */
    public static String snakeCase(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) b.append('_').append(Character.toLowerCase(c));
            else b.append(c);
        }
        return b.toString();
    }
}
