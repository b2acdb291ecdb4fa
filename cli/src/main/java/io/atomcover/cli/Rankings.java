package io.atomcover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.atomcover.structure.Dataset;
import io.atomcover.io.InputException;
import io.atomcover.io.Npy;
import io.atomcover.io.NpyArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rankings of database molecules read from files: a JSON object whose "ranking" array holds 0-based
 * database indices in database file order (what {@code atomcover select} writes), or a 1-D .npy of
 * integer indices. The indices of a .npy may instead refer to the lines of a names file (such as the
 * ILPSelect {@code qm7-database-order.txt}); they are then mapped onto database frames by name.
 */
final class Rankings {
    /** A ranking: a display name, its file and database indices best first. */
    record Ranking(String name, Path file, int[] indices) {
    }

    private Rankings() {
    }

    /**
     * Reads every ranking file, each checked to hold at least {@code minSize} molecules. Rankings are
     * told apart by name (in reports, tables and plot legends): rankings of one method (random with
     * two seeds) are named after their files instead.
     *
     * @param indexOrder names file of the .npy index order ({@link #indexOrder}), or null for database file order
     */
    static List<Ranking> readAll(List<Path> files, Dataset database, Path indexOrder, String nameKey, int minSize) throws IOException {
        Map<Integer, Integer> order = indexOrder == null ? null : indexOrder(indexOrder, database, nameKey);
        List<Ranking> read = new ArrayList<>();
        for (Path f : files) read.add(read(f, database.size(), order));
        List<String> names = CurvePlot.distinct(read.stream().map(Ranking::name).toList(), read.stream().map(r -> stem(r.file())).toList());
        List<Ranking> out = new ArrayList<>();
        for (int k = 0; k < read.size(); k++) {
            Ranking r = read.get(k);
            if (r.indices().length < minSize)
                throw new InputException(r.file(), 0, "holds " + r.indices().length + " molecules, fewer than the largest size " + minSize);
            out.add(new Ranking(names.get(k), r.file(), r.indices()));
        }
        return out;
    }

    /**
     * @param order names of the .npy index order (line i names index i), or null for database file order
     */
    static Ranking read(Path file, int databaseSize, Map<Integer, Integer> order) {
        Inputs.requireReadable(file);
        String stem = stem(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NpyArray a = Npy.read(file);
            if (a.ndim() != 1) throw new InputException(file, 0, "expected a 1-D array of database indices, got " + a.ndim() + " dimensions");
            int[] idx = new int[a.size()];
            for (int i = 0; i < idx.length; i++) {
                double v = a.data()[i];
                if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE)
                    throw new InputException(file, 0, "entry " + i + " is not a non-negative integer index: " + v);
                int k = (int) v;
                if (order != null) {
                    Integer mapped = order.get(k);
                    if (mapped == null) throw new InputException(file, 0, "entry " + i + ": index " + k + " has no line in the --index-order file");
                    k = mapped;
                }
                idx[i] = check(file, 0, i, k, databaseSize);
            }
            return new Ranking(stem, file, idx);
        }
        // Streamed rather than read as a tree, so that a bad entry can be reported with its line.
        List<Integer> idx = new ArrayList<>();
        String method = null;
        boolean found = false;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT)
                throw new InputException(file, line(p), "expected a JSON object with a \"ranking\" array of database indices");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("ranking".equals(field)) {
                    if (value != JsonToken.START_ARRAY) throw new InputException(file, line(p), "\"ranking\" is not an array");
                    found = true;
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
                            throw new InputException(file, line(p), "ranking entry " + idx.size() + " is not an integer index: " + p.getText());
                        idx.add(check(file, line(p), idx.size(), p.getLongValue(), databaseSize));
                    }
                } else if ("method".equals(field) && value == JsonToken.VALUE_STRING) {
                    method = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (!found) throw new InputException(file, 0, "expected a JSON object with a \"ranking\" array of database indices");
        return new Ranking(method == null ? stem : method, file, idx.stream().mapToInt(Integer::intValue).toArray());
    }

    private static long line(JsonParser p) {
        return p.getCurrentLocation().getLineNr();
    }

    private static int check(Path file, long line, int entry, long index, int databaseSize) {
        if (index < 0 || index >= databaseSize)
            throw new InputException(file, line, "entry " + entry + ": index " + index + " outside the database (0.." + (databaseSize - 1) + ")");
        return (int) index;
    }

    /**
     * Reads a names file (one name per line; blank lines are an error) and maps line index → database
     * index by the database's {@code nameKey} info values.
     */
    static Map<Integer, Integer> indexOrder(Path namesFile, Dataset database, String nameKey) throws IOException {
        Inputs.requireReadable(namesFile);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < database.size(); i++) {
            String n = database.get(i).info().get(nameKey);
            if (n != null) byName.putIfAbsent(n, i);
        }
        if (byName.isEmpty()) throw new CliFailure(database.source() + ": no frame has a '" + nameKey + "' info value to match --index-order against");
        List<String> lines = Files.readAllLines(namesFile, StandardCharsets.UTF_8);
        Map<Integer, Integer> order = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                if (i == lines.size() - 1) break;
                throw new InputException(namesFile, i + 1, "empty name");
            }
            Integer db = byName.get(name);
            if (db == null) throw new InputException(namesFile, i + 1, "no frame named '" + name + "' in " + database.source());
            order.put(i, db);
        }
        return order;
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
