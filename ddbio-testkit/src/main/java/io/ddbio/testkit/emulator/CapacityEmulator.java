package io.ddbio.testkit.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP front for DynamoDB Local that behaves like a table with provisioned capacity: it
 * throttles, returns unprocessed items, and injects faults. DynamoDB Local does none of this.
 *
 * <p>Clients talk to {@link #endpoint()} as they would to DynamoDB; every request is forwarded to
 * DynamoDB Local and its answer relayed, except as follows.
 *
 * <ul>
 *   <li><b>Capacity.</b> A table given capacity with {@link #setCapacity} has a token bucket per
 *       direction, refilled at the provisioned rate and keeping up to {@link #setBurstSeconds burst
 *       seconds} of unused capacity. Reads (GetItem, Query, Scan, BatchGetItem) and writes
 *       (PutItem, UpdateItem, DeleteItem, BatchWriteItem) are charged with the {@code
 *       ConsumedCapacity} DynamoDB Local reports: the emulator asks for it on the client's behalf,
 *       and removes it from the answer if the client did not ask. A request arriving while its
 *       table's bucket is in debt is answered HTTP 400 {@code
 *       ProvisionedThroughputExceededException}. A BatchWriteItem is cut: only the leading requests
 *       the bucket affords (estimated from item size) are written, the rest returned in {@code
 *       UnprocessedItems}, and if none fits it is refused like a single write. Tables without
 *       capacity, and other operations, pass through unlimited.
 *   <li><b>Faults.</b> A {@link FaultPlan} set with {@link #setFaults} answers a share of requests
 *       with HTTP 500 or 503, drops the connection of another share without an answer, throttles
 *       another whatever the capacity, and delays some, before anything is forwarded.
 *   <li><b>Shared tables.</b> A table of another account, reachable only by its ARN, is modelled
 *       with {@link #shareFromAnotherAccount}.
 *   <li><b>Counts.</b> {@link #stats} gives each table's requests, throttles, unprocessed items and
 *       consumed units, in total and per second; {@link #injectedFaults} counts the faults.
 * </ul>
 *
 * <p>The emulator listens on an ephemeral port of 127.0.0.1 only. Every method is thread-safe and
 * may be called while traffic flows, as auto scaling changes a table's capacity.
 */
public final class CapacityEmulator implements AutoCloseable {
  /** The unused capacity DynamoDB keeps as burst credit, in seconds. */
  public static final double DEFAULT_BURST_SECONDS = 300;

  /** The only address the emulator listens on. */
  public static final String HOST = "127.0.0.1";

  /** Enough for a benchmark's connections, with room for requests held back by latency faults. */
  private static final int THREADS = 256;

  private static final int BACKLOG = 1024;

  /**
   * The JDK server writes an answer's headers and body in two packets; without TCP_NODELAY the body
   * then waits for the client's delayed acknowledgement, some 40 ms per request. The server reads
   * this property once, when it first starts.
   */
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ThreadPoolExecutor threads;
  private final Forwarder forwarder;
  private final MeteredTables tables;
  private final SharedTables shared;
  private final FaultCounts faultCounts;
  private volatile FaultDice dice;
  private final URI endpoint;

  private CapacityEmulator(
      HttpServer server,
      ThreadPoolExecutor threads,
      Forwarder forwarder,
      MeteredTables tables,
      SharedTables shared,
      FaultCounts faultCounts,
      FaultDice dice) {
    this.server = server;
    this.shared = shared;
    this.threads = threads;
    this.forwarder = forwarder;
    this.tables = tables;
    this.faultCounts = faultCounts;
    this.dice = dice;
    this.endpoint = URI.create("http://" + HOST + ":" + server.getAddress().getPort());
  }

  /**
   * Starts an emulator in front of DynamoDB Local, with no capacity configured (everything passes
   * through), burst credit of {@value #DEFAULT_BURST_SECONDS} s, and no faults.
   *
   * @param dynamoDbLocal DynamoDB Local's endpoint, {@code http://host:port}
   * @throws UncheckedIOException if the emulator cannot listen
   */
  public static CapacityEmulator start(URI dynamoDbLocal) {
    Objects.requireNonNull(dynamoDbLocal, "dynamoDbLocal");
    if (!"http".equals(dynamoDbLocal.getScheme()) || dynamoDbLocal.getHost() == null) {
      throw new IllegalArgumentException(
          "DynamoDB Local's endpoint must be http://host:port, not " + dynamoDbLocal);
    }
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
    MeteredTables tables = new MeteredTables(System::nanoTime, DEFAULT_BURST_SECONDS);
    SharedTables shared = new SharedTables();
    FaultCounts faultCounts = new FaultCounts();
    Forwarder forwarder = new Forwarder(dynamoDbLocal, THREADS);
    ThreadPoolExecutor threads =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DaemonThreads("capacity-emulator"));
    threads.allowCoreThreadTimeOut(true);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(HOST, 0), BACKLOG);
    } catch (IOException e) {
      threads.shutdownNow();
      forwarder.close();
      throw new UncheckedIOException("The capacity emulator cannot listen on " + HOST, e);
    }
    CapacityEmulator emulator =
        new CapacityEmulator(
            server,
            threads,
            forwarder,
            tables,
            shared,
            faultCounts,
            new FaultDice(FaultPlan.none()));
    server.createContext(
        "/",
        new ExchangeHandler(
            () -> emulator.dice, faultCounts, new Router(tables, shared, forwarder)));
    server.setExecutor(threads);
    server.start();
    return emulator;
  }

  /**
   * Makes {@code arn}, a table of another account shared with the caller, reach {@code
   * backingTable} of DynamoDB Local, while the bare name inside the ARN still reaches the caller's
   * own table of that name. Capacity and statistics are the backing table's. See {@link
   * SharedTables}.
   *
   * @throws IllegalArgumentException if {@code arn} is not a table's ARN
   */
  public void shareFromAnotherAccount(String arn, String backingTable) {
    shared.share(
        Objects.requireNonNull(arn, "arn"), Objects.requireNonNull(backingTable, "backingTable"));
  }

  /** The endpoint to give an SDK client, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Provisions a table's capacity, from now on; the table need not exist yet. Changing it keeps the
   * burst credit saved so far, up to what the new capacity may hold.
   *
   * @param readUnits read capacity units per second, or {@link Double#POSITIVE_INFINITY} for
   *     unlimited reads
   * @param writeUnits write capacity units per second, or {@link Double#POSITIVE_INFINITY} for
   *     unlimited writes
   * @throws IllegalArgumentException if a capacity is not positive
   */
  public void setCapacity(String table, double readUnits, double writeUnits) {
    Objects.requireNonNull(table, "table");
    tables.setCapacity(table, readUnits, writeUnits);
  }

  /** Makes a table unlimited again, as if its capacity had never been set. */
  public void removeCapacity(String table) {
    setCapacity(table, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * Sets how many seconds of unused capacity every table may save as burst credit ({@value
   * #DEFAULT_BURST_SECONDS} unless changed). A bucket always holds at least one second's capacity,
   * so 0 and 1 behave alike and give the most even rate.
   */
  public void setBurstSeconds(double seconds) {
    tables.setBurstSeconds(seconds);
  }

  /** The burst credit allowance, in seconds. */
  public double burstSeconds() {
    return tables.burstSeconds();
  }

  /** Injects the plan's faults from now on, drawing from a generator seeded afresh. */
  public void setFaults(FaultPlan plan) {
    dice = new FaultDice(Objects.requireNonNull(plan, "plan"));
  }

  /** The fault plan in force. */
  public FaultPlan faults() {
    return dice.plan();
  }

  /** How many faults of each kind have been injected since the emulator started. */
  public Map<Fault, Long> injectedFaults() {
    return faultCounts.snapshot();
  }

  /** What the emulator has seen of the table so far; all zeros for a table it has not seen. */
  public TableStats stats(String table) {
    return tables.stats(Objects.requireNonNull(table, "table"));
  }

  /** The tables seen or given capacity so far, sorted by name. */
  public List<String> tables() {
    return tables.names();
  }

  /** Stops listening, drops the requests in flight, and releases the threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    forwarder.close();
  }
}
