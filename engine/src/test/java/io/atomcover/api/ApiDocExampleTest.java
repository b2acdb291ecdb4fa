package io.atomcover.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of docs/api.md compiles against the engine and prints what the page says it
 * prints, so that the page cannot drift from the API. The expected numbers are the upstream QUESTS
 * goldens of Si-train (golden/si-mlearn.json), rounded as the example prints them.
 */
class ApiDocExampleTest {
    static final Path PAGE = Path.of("../docs/api.md");

    @TempDir
    Path tmp;

    @Test
    void theExampleCompilesRunsAndPrintsTheGoldenNumbers() throws Exception {
        List<String> blocks = javaBlocks(Files.readString(PAGE));
        assertEquals(1, blocks.size(), "one java block in " + PAGE);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(blocks.get(0));
        assertTrue(name.find(), "the block declares a public class");
        Path source = tmp.resolve(name.group(1) + ".java");
        Files.writeString(source, blocks.get(0));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", classPath, "-d", tmp.toString(), "--release", "17", "-Xlint:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertTrue(compiled, diagnostics::toString);

        String printed;
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {"../examples/mlearn-si"});
        } finally {
            System.setOut(saved);
        }
        printed = buffer.toString(StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        assertEquals("H = 5.311017, D = 8.167846, overlap of test with train = 0.6190", lines.get(0), printed);
        assertEquals("msc picked [137, 66, 138, 146, 129, 9, 150, 151, 24, 18, 68, 143, 98, 126, 130, 4, 3, 62, 145, 127, 154]: "
                + "H = 6.9408, D = 6.9968, overlap = 0.5623", lines.get(1), printed);
        // One line per size (21, 54) and method, size-major; random has a spread over its seeds.
        Pattern row = Pattern.compile("\\s*(\\d+) (\\w+)\\s+diversity (\\d+\\.\\d{4}) ± (\\d+\\.\\d{4})");
        String[] expect = {"21 msc", "21 fps", "21 random", "54 msc", "54 fps", "54 random"};
        assertEquals(2 + expect.length, lines.size(), printed);
        for (int i = 0; i < expect.length; i++) {
            Matcher m = row.matcher(lines.get(2 + i));
            assertTrue(m.matches(), lines.get(2 + i));
            assertEquals(expect[i], m.group(1) + " " + m.group(2));
            double spread = Double.parseDouble(m.group(4));
            assertEquals(m.group(2).equals("random"), spread > 0, lines.get(2 + i));
        }
        assertTrue(lines.get(2).contains("diversity 6.9968 "), "msc at 21 as the golden: " + lines.get(2));
    }

    /** The contents of the ```java fenced blocks, in order. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```java\\s*\\n(.*?)^```").matcher(markdown);
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }
}
