import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real Neo4j Community 5.26 DBMS, embedded, with a Bolt connector on
 * 127.0.0.1 and auth disabled: for tests, CI and local development without
 * Docker. See README.md beside the pom.
 *
 * <pre>
 *   java [jvm flags] -cp target/classes:target/lib/* Neo4jLocal
 *        [--port N] [--data-dir PATH] [--port-file PATH]
 *        [--page-cache SIZE]
 * </pre>
 *
 * --port 0 (or no --port) binds a free port chosen by the OS. Without
 * --data-dir the DBMS lives in a new temporary directory that is deleted on
 * exit. Neo4j's own logs go to DATA_DIR/logs, never to stdout; stdout gets a
 * single line "neo4j-local: bolt://127.0.0.1:PORT ready" once Bolt accepts
 * connections and the default database is available (and --port-file, if
 * given, is written at the same moment, atomically). SIGTERM / SIGINT shut
 * the DBMS down cleanly, so the same --data-dir and --port can be reused by
 * the next run.
 */
public final class Neo4jLocal {
    private static final String HOST = "127.0.0.1";
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Neo4jLocal() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dataDir = null;
        Path portFile = null;
        String pageCache = "256m";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--port":
                    port = Integer.parseInt(v != null ? v : value(args, ++i, a));
                    break;
                case "--data-dir":
                    dataDir = Paths.get(v != null ? v : value(args, ++i, a));
                    break;
                case "--port-file":
                    portFile = Paths.get(v != null ? v : value(args, ++i, a));
                    break;
                case "--page-cache":
                    pageCache = v != null ? v : value(args, ++i, a);
                    break;
                case "-h":
                case "--help":
                    OUT.println("usage: Neo4jLocal [--port N] [--data-dir PATH] [--port-file PATH] [--page-cache SIZE]");
                    return;
                default:
                    fail("unknown argument: " + args[i]);
            }
        }
        if (port < 0 || port > 65535) {
            fail("bad --port: " + port);
        }

        final boolean tempDir = dataDir == null;
        final Path home = tempDir
                ? Files.createTempDirectory("neo4j-local-")
                : Files.createDirectories(dataDir).toAbsolutePath();
        final Path thePortFile = portFile == null ? null : portFile.toAbsolutePath();
        if (thePortFile != null) {
            Files.deleteIfExists(thePortFile);
        }

        final long startNanos = System.nanoTime();
        final DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, bytes(pageCache))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                    // Netty's default graceful shutdown (2 s quiet period per event-loop
                    // group) makes every stop take ~10 s; a test server wants it quick.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (RuntimeException e) {
            ERR.println("neo4j-local: failed to start the DBMS in " + home + ": " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                ERR.println("  caused by: " + c);
            }
            if (tempDir) {
                deleteTree(home);
            }
            System.exit(1);
            return;
        }

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (thePortFile != null) {
                    Files.deleteIfExists(thePortFile);
                }
            } catch (IOException ignored) {
                // best effort
            }
            try {
                dbms.shutdown();
                ERR.println("neo4j-local: stopped");
            } catch (Throwable t) {
                ERR.println("neo4j-local: error during shutdown: " + t);
            } finally {
                if (tempDir) {
                    deleteTree(home);
                }
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            ERR.println("neo4j-local: default database did not become available");
            System.exit(1);
        }
        int boltPort = boundBoltPort(db, port);
        waitForTcp(boltPort, Duration.ofSeconds(30));

        if (thePortFile != null) {
            Path parent = thePortFile.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent != null ? parent : Paths.get("."), ".port", ".tmp");
            Files.write(tmp, (boltPort + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(tmp, thePortFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        ERR.println("neo4j-local: Neo4j " + neo4jVersion() + " in " + home
                + (tempDir ? " (temporary)" : "") + ", started in " + ms + " ms; logs in " + home.resolve("logs"));
        OUT.println("neo4j-local: bolt://" + HOST + ":" + boltPort + " ready");
        OUT.flush();

        // Park the main thread; the shutdown hook does the work on SIGTERM/SIGINT.
        stopped.await();
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            fail("missing value for " + name);
        }
        return args[i];
    }

    private static void fail(String msg) {
        ERR.println("neo4j-local: " + msg);
        System.exit(2);
    }

    /** "256m", "1g", "1048576" -> bytes. */
    private static long bytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * mult;
    }

    private static int boundBoltPort(GraphDatabaseService db, int requested) {
        try {
            ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class);
            HostnamePort hp = ports.getLocalAddress(ConnectorType.BOLT);
            if (hp != null && hp.getPort() > 0) {
                return hp.getPort();
            }
        } catch (RuntimeException e) {
            ERR.println("neo4j-local: could not read the bound Bolt port: " + e);
        }
        if (requested > 0) {
            return requested;
        }
        throw new IllegalStateException("Bolt connector has no bound port");
    }

    private static void waitForTcp(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt port " + port + " does not accept connections", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "5.x" : v;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            ERR.println("neo4j-local: could not delete " + root + ": " + e);
        }
    }
}
