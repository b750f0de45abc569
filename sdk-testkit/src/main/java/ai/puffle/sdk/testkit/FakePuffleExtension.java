package ai.puffle.sdk.testkit;

import ai.puffle.sdk.PuffleClient;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts a {@link FakePuffle} and a {@link PuffleClient} pointed at it
 * (built with {@code PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
 * .triggerApiUrl(fake.triggerApiUrl())}, so the client follows the runs of its turns on the
 * emulator too), and closes both afterwards. Register it with {@code @RegisterExtension}; test
 * methods receive them as parameters, or read {@link #fake()} and {@link #client()}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakePuffleExtension puffle = FakePuffleExtension.perTest();
 *
 * @Test
 * void drafts(FakePuffle fake, PuffleClient client) {
 *   SeededCampaign campaign = fake.defaultCampaign();
 *   Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
 *   client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"));
 *   fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
 * }
 * }</pre>
 *
 * <p>{@link #perTest()} gives every test method its own emulator; {@link #perClass()} shares one
 * per test class and must be registered on a {@code static} field. The emulator's defaults apply
 * ({@code TimeMode.scaled(0.01)}: a turn takes 150 ms); {@link #withFake} changes them. With
 * {@code withFake(b -> b.timeMode(TimeMode.virtual()))} the client runs on the emulator's clock
 * ({@link FakePuffle#clientClock()}, runs not followed): its waits take no real time and the test
 * replays exactly. Immutable.
 */
public final class FakePuffleExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakePuffleExtension.class);
  private static final String KEY = "resources";

  private final boolean perClass;
  private final Consumer<FakePuffle.Builder> fakeOptions;
  private final Consumer<PuffleClient.Builder> clientOptions;
  private final ThreadLocal<Resources> current = new InheritableThreadLocal<>();
  private volatile Resources shared;

  private FakePuffleExtension(
      boolean perClass,
      Consumer<FakePuffle.Builder> fakeOptions,
      Consumer<PuffleClient.Builder> clientOptions) {
    this.perClass = perClass;
    this.fakeOptions = fakeOptions;
    this.clientOptions = clientOptions;
  }

  /** A fresh emulator and client for every test method. */
  public static FakePuffleExtension perTest() {
    return new FakePuffleExtension(false, b -> { }, b -> { });
  }

  /** One emulator and client for all methods of a test class; needs a {@code static} field. */
  public static FakePuffleExtension perClass() {
    return new FakePuffleExtension(true, b -> { }, b -> { });
  }

  /** A copy that also applies these emulator options, e.g. {@code b -> b.timeMode(...)}. */
  public FakePuffleExtension withFake(Consumer<FakePuffle.Builder> options) {
    Objects.requireNonNull(options, "options");
    return new FakePuffleExtension(perClass, fakeOptions.andThen(options), clientOptions);
  }

  /** A copy that also applies these client options, e.g. {@code b -> b.readTimeout(...)}. */
  public FakePuffleExtension withClient(Consumer<PuffleClient.Builder> options) {
    Objects.requireNonNull(options, "options");
    return new FakePuffleExtension(perClass, fakeOptions, clientOptions.andThen(options));
  }

  /**
   * The running emulator of the current test.
   *
   * @throws IllegalStateException outside a test
   */
  public FakePuffle fake() {
    return running().fake;
  }

  /**
   * The client of the current test, pointed at {@link #fake()}.
   *
   * @throws IllegalStateException outside a test
   */
  public PuffleClient client() {
    return running().client;
  }

  /** Starts the shared emulator of a {@link #perClass()} extension. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass) {
      shared = start();
      context.getStore(NAMESPACE).put(KEY, shared);
    }
  }

  /** Closes the shared emulator of a {@link #perClass()} extension. */
  @Override
  public void afterAll(ExtensionContext context) {
    Resources resources = shared;
    shared = null;
    if (resources != null) {
      context.getStore(NAMESPACE).remove(KEY);
      resources.close();
    }
  }

  /** Starts this test's emulator (per test), or makes the shared one current (per class). */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      if (shared == null) {
        throw new ExtensionConfigurationException(
            "FakePuffleExtension.perClass() must be registered on a static field");
      }
      current.set(shared);
      return;
    }
    Resources resources = start();
    context.getStore(NAMESPACE).put(KEY, resources);
    current.set(resources);
  }

  /**
   * Fails the test if its requests or responses broke the contract (when the emulator checks
   * it), then closes this test's client and emulator (per test).
   */
  @Override
  public void afterEach(ExtensionContext context) {
    Resources running = current.get();
    current.remove();
    try {
      if (running != null) {
        running.fake.endTest();
      }
    } finally {
      if (!perClass) {
        Resources resources = context.getStore(NAMESPACE).remove(KEY, Resources.class);
        if (resources != null) {
          resources.close();
        }
      }
    }
  }

  /** Resolves parameters of type {@link FakePuffle} and {@link PuffleClient}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakePuffle.class || type == PuffleClient.class;
  }

  /** The emulator or client of the test the parameter belongs to. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Resources resources = context.getStore(NAMESPACE).get(KEY, Resources.class);
    if (resources == null) {
      throw new ExtensionConfigurationException(
          "no FakePuffle here: per-test emulators exist only for test methods and their "
              + "@BeforeEach/@AfterEach methods");
    }
    return parameter.getParameter().getType() == FakePuffle.class
        ? resources.fake
        : resources.client;
  }

  private Resources running() {
    Resources resources = current.get();
    if (resources == null) {
      resources = shared;
    }
    if (resources == null) {
      throw new IllegalStateException("no test is running with this FakePuffleExtension");
    }
    return resources;
  }

  private Resources start() {
    FakePuffle.Builder fakeBuilder = FakePuffle.builder();
    fakeOptions.accept(fakeBuilder);
    FakePuffle fake = fakeBuilder.start();
    try {
      PuffleClient.Builder clientBuilder = PuffleClient.builder()
          .apiKey(fake.apiKey())
          .baseUrl(fake.baseUrl())
          .triggerApiUrl(fake.triggerApiUrl());
      if (fake.clock().isVirtual()) {
        clientBuilder.clock(fake.clientClock()).watchRuns(false);
      }
      clientOptions.accept(clientBuilder);
      return new Resources(fake, clientBuilder.build());
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "FakePuffleExtension{" + (perClass ? "perClass" : "perTest") + "}";
  }

  /** An emulator and its client; not AutoCloseable, so JUnit's store does not close it. */
  private static final class Resources {
    final FakePuffle fake;
    final PuffleClient client;

    Resources(FakePuffle fake, PuffleClient client) {
      this.fake = fake;
      this.client = client;
    }

    void close() {
      try {
        client.close();
      } finally {
        fake.close();
      }
    }
  }
}
