package io.atomcover.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * docker/Dockerfile read as docker build reads it: comments and blank lines dropped, continuation
 * lines joined, instructions grouped into stages at each FROM. Enough to check it without a Docker
 * engine.
 */
record Dockerfile(List<Stage> stages) {
    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String args) {
    }

    /** A stage: its base image, its name after AS (or null), and its instructions after FROM. */
    record Stage(String image, String name, List<Instruction> instructions) {
        List<String> args(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
        }

        int lastIndexOf(String keyword) {
            for (int i = instructions.size() - 1; i >= 0; i--)
                if (instructions.get(i).keyword().equals(keyword)) return i;
            return -1;
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<String> logical = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && pending.isEmpty())) continue;
            if (t.endsWith("\\")) {
                pending.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            pending.append(t);
            logical.add(pending.toString().strip());
            pending.setLength(0);
        }
        if (!pending.isEmpty()) throw new IllegalArgumentException(file + ": ends inside a continued line");
        List<Stage> stages = new ArrayList<>();
        for (String l : logical) {
            String[] kw = l.split("\\s+", 2);
            String keyword = kw[0].toUpperCase();
            String args = kw.length > 1 ? kw[1].strip() : "";
            if (keyword.equals("FROM")) {
                String[] f = args.split("\\s+");
                String name = f.length == 3 && f[1].equalsIgnoreCase("AS") ? f[2] : null;
                stages.add(new Stage(f[0], name, new ArrayList<>()));
            } else {
                if (stages.isEmpty()) throw new IllegalArgumentException(file + ": " + keyword + " before the first FROM");
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, args));
            }
        }
        return new Dockerfile(stages);
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    Stage named(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst().orElse(null);
    }
}
