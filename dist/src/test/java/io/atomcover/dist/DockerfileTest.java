package io.atomcover.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile without a Docker engine (none is available to the tests): the runtime stage runs
 * as an unprivileged user with the atomcover command as its ENTRYPOINT, and every file it copies
 * exists, in the build context or in the stage that makes it. docker/check.sh runs the steps
 * themselves in debootstrapped roots where root and a Debian mirror are available.
 */
class DockerfileTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static Dockerfile docker;

    @BeforeAll
    static void read() throws Exception {
        docker = Dockerfile.read(REPO.resolve("docker/Dockerfile"));
    }

    /** COPY's words without its --flags: sources then destination. */
    static List<String> copyWords(String args) {
        return Arrays.stream(args.split("\\s+")).filter(w -> !w.startsWith("--")).toList();
    }

    static String copyFrom(String args) {
        return Arrays.stream(args.split("\\s+")).filter(w -> w.startsWith("--from=")).map(w -> w.substring(7)).findFirst().orElse(null);
    }

    @Test
    void theRuntimeStageEndsAsAnUnprivilegedUser() {
        Dockerfile.Stage runtime = docker.last();
        List<String> users = runtime.args("USER");
        assertFalse(users.isEmpty(), "the runtime stage has a USER");
        String user = users.get(users.size() - 1).split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "USER " + user);
        assertTrue(runtime.lastIndexOf("USER") > runtime.lastIndexOf("RUN"), "no RUN after the last USER switches back");
        assertTrue(runtime.args("RUN").stream().anyMatch(r -> r.matches(".*\\buseradd\\b[^&;]*\\s" + user + "(\\s.*|$)")),
                "a RUN creates the user " + user);
    }

    @Test
    void theEntrypointIsTheAtomcoverCommandCopiedIntoTheImage() throws Exception {
        Dockerfile.Stage runtime = docker.last();
        List<String> entry = runtime.args("ENTRYPOINT");
        assertEquals(1, entry.size(), "one ENTRYPOINT");
        JsonNode exec = new ObjectMapper().readTree(entry.get(0));
        assertTrue(exec.isArray() && exec.size() >= 1, "exec form, so that `docker run IMAGE compress ...` passes its arguments: " + entry);
        String program = exec.get(0).asText();
        Map<String, String> copied = runtime.args("COPY").stream().filter(a -> copyFrom(a) == null)
                .collect(Collectors.toMap(a -> copyWords(a).get(1), a -> copyWords(a).get(0)));
        assertEquals("docker/atomcover.sh", copied.get(program), "the ENTRYPOINT " + program + " is docker/atomcover.sh");
        assertTrue(Files.isExecutable(REPO.resolve("docker/atomcover.sh")));
        List<String> cmd = runtime.args("CMD");
        assertEquals(1, cmd.size());
        assertEquals("--help", new ObjectMapper().readTree(cmd.get(0)).get(0).asText(), "with no arguments the image prints the help");
    }

    @Test
    void everyCopiedFileExists() throws Exception {
        List<String> ignored = Files.readAllLines(REPO.resolve(".dockerignore")).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (Dockerfile.Stage stage : docker.stages()) {
            for (String args : stage.args("COPY")) {
                List<String> words = copyWords(args);
                assertEquals(2, words.size(), "COPY SRC DST: " + args);
                String from = copyFrom(args);
                String src = words.get(0);
                if (from == null) {
                    assertTrue(Files.exists(REPO.resolve(src)), src + " exists in the build context");
                    for (String pattern : ignored)
                        assertFalse(!src.equals(".") && FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(src)),
                                src + " is left out by .dockerignore " + pattern);
                } else {
                    Dockerfile.Stage source = docker.named(from);
                    assertNotNull(source, "stage " + from);
                    assertTrue(source.args("RUN").stream().anyMatch(r -> r.contains(src)), "a RUN of stage " + from + " makes " + src);
                }
            }
        }
    }

    @Test
    void theBuildStageUnpacksTheDistributionThisBuildMakes() {
        String tarball = Path.of(System.getProperty("atomcover.dist")).getFileName().toString();
        Dockerfile.Stage build = docker.named("build");
        assertNotNull(build);
        String run = build.args("RUN").stream().filter(r -> r.contains("tar -xzf")).findFirst().orElseThrow();
        assertTrue(run.contains("-pl dist -am package"), run);
        String glob = Arrays.stream(run.split("\\s+")).filter(w -> w.endsWith(".tar.gz")).findFirst().orElseThrow();
        assertTrue(FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of("dist/target", tarball)), glob + " matches " + tarball);
        String home = docker.last().args("ENV").stream().flatMap(e -> Arrays.stream(e.split("\\s+")))
                .filter(kv -> kv.startsWith("ATOMCOVER_HOME=")).map(kv -> kv.substring(15)).findFirst().orElseThrow();
        assertTrue(docker.last().args("COPY").stream().anyMatch(c -> "build".equals(copyFrom(c)) && copyWords(c).get(1).equals(home)),
                "ATOMCOVER_HOME " + home + " is where the distribution is copied");
    }
}
