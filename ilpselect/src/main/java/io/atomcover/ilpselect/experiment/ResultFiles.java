package io.atomcover.ilpselect.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atomcover.ilpselect.ilp.RankingMethod;
import io.atomcover.ilpselect.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The files of one experiment under its folder: {@code rankings/} and {@code curves/} hold one JSON
 * file per ranking and per learning curve, {@code curves.json} and {@code curves.png|svg} the averages.
 * Files are written atomically; a stored file is only handed back when it parses, was made with the
 * same parameters and passes the caller's check.
 */
public final class ResultFiles {
    /**
     * A stored result: its JSON when it can be reused; otherwise {@code problem} says why not, or is
     * null when there is no file.
     */
    public record Stored(JsonNode json, String problem) {
        /** Whether the result can be reused. */
        public boolean valid() {
            return json != null;
        }

        /** Whether there is no file. */
        public boolean missing() {
            return json == null && problem == null;
        }
    }

    private final Path folder;

    public ResultFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Creates the folder and its {@code rankings} and {@code curves} subfolders. */
    public void createFolders() throws IOException {
        Files.createDirectories(rankingsFolder());
        Files.createDirectories(curvesFolder());
    }

    /** Where the ranking files go. */
    public Path rankingsFolder() {
        return folder.resolve("rankings");
    }

    /** Where the learning-curve files go. */
    public Path curvesFolder() {
        return folder.resolve("curves");
    }

    /** The ranking file of a method (and seed, for random); {@code target} null for a ranking shared by all targets. */
    public Path ranking(ExperimentTarget target, ExperimentMethod method, long seed) {
        return rankingsFolder().resolve(stem(target, method, seed) + ".json");
    }

    /** The learning-curve file of a target and method (and seed, for random). */
    public Path curve(ExperimentTarget target, ExperimentMethod method, long seed) {
        return curvesFolder().resolve(stem(target, method, seed) + ".json");
    }

    /** The averaged curves. */
    public Path averages() {
        return folder.resolve("curves.json");
    }

    /** The plot of the averaged curves, with the given extension (png or svg). */
    public Path plot(String extension) {
        return folder.resolve("curves." + extension);
    }

    /** {@code file} relative to the experiment folder, for messages. */
    public String relative(Path file) {
        return folder.relativize(file).toString();
    }

    private static String stem(ExperimentTarget target, ExperimentMethod method, long seed) {
        String m = method.is(RankingMethod.RANDOM) ? method + "-seed" + seed : method.toString();
        return target == null ? m : target.stem() + "-" + m;
    }

    /**
     * Reads a stored result back.
     *
     * @param expected the "parameters" object it must hold
     * @param check    throws IllegalArgumentException when the content is not usable
     */
    public Stored read(Path file, ObjectNode expected, Consumer<JsonNode> check) {
        if (!Files.exists(file)) return new Stored(null, null);
        JsonNode json;
        try {
            json = ReportJson.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Stored(null, "is not valid JSON (line " + line + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return new Stored(null, "cannot be read (" + e.getMessage() + ")");
        }
        if (json == null || !json.isObject()) return new Stored(null, "is not a JSON object");
        JsonNode params = json.get("parameters");
        JsonNode want = normalised(expected);
        if (params == null || !params.isObject()) return new Stored(null, "has no parameters");
        // Files of earlier versions name some parameters in camelCase (ilpN, wholeMolecules, ...).
        params = ReportJson.snakeCaseKeys(params);
        if (!params.equals(want)) return new Stored(null, "was made with other parameters (" + String.join(", ", differences(params, want)) + ")");
        try {
            check.accept(json);
        } catch (IllegalArgumentException e) {
            return new Stored(null, "is not a usable result (" + e.getMessage() + ")");
        }
        return new Stored(json, null);
    }

    /** Writes {@code json} to {@code file} atomically. */
    public void write(Path file, ObjectNode json) throws IOException {
        ReportJson.write(file, json);
    }

    /** The JSON as it reads back from a file (numbers in the types the parser gives). */
    private static JsonNode normalised(ObjectNode node) {
        try {
            return ReportJson.MAPPER.readTree(ReportJson.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Top-level keys whose values differ. */
    private static List<String> differences(JsonNode a, JsonNode b) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) keys.add(it.next());
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) keys.add(it.next());
        List<String> diff = new ArrayList<>();
        for (String k : keys) if (!java.util.Objects.equals(a.get(k), b.get(k))) diff.add(k);
        return diff;
    }
}
