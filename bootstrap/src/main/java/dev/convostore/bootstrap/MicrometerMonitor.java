package dev.convostore.bootstrap;

import dev.convostore.domain.ConversationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;

/**
 * Reports to Micrometer: one {@value #OBSERVATION} observation per call (low-cardinality keys
 * {@code operation}, {@code store} and {@code outcome}; the conversation's id as the
 * high-cardinality key {@code conversation.id}), and the counters {@value #APPENDED}, {@value
 * #CONFLICTS} and {@value #RETRIES}. The only class that touches Micrometer, which is optional: it is
 * loaded only when the host hands over a registry.
 */
final class MicrometerMonitor implements Monitor {

  static final String OBSERVATION = "convostore.operation";
  static final String APPENDED = "convostore.messages.appended";
  static final String CONFLICTS = "convostore.conflicts";
  static final String RETRIES = "convostore.retries";

  private final String store;
  private final ObservationRegistry observations;
  private final Optional<MeterRegistry> meters;

  /**
   * @param observations an {@code ObservationRegistry}, or null
   * @param meters a {@code MeterRegistry}, or null
   */
  MicrometerMonitor(String store, Object observations, Object meters) {
    this.store = store;
    this.observations = observations == null ? ObservationRegistry.NOOP : (ObservationRegistry) observations;
    this.meters = Optional.ofNullable((MeterRegistry) meters);
  }

  @Override
  public Call start(String operation, Optional<ConversationId> conversation) {
    Observation observation = Observation.createNotStarted(OBSERVATION, observations)
        .lowCardinalityKeyValue("operation", operation)
        .lowCardinalityKeyValue("store", store);
    conversation.ifPresent(id -> observation.highCardinalityKeyValue("conversation.id", id.toString()));
    observation.start();
    Observation.Scope scope = observation.openScope();
    return (failure, outcome) -> {
      scope.close();
      observation.lowCardinalityKeyValue("outcome", outcome);
      if (failure != null) {
        observation.error(failure);
      }
      observation.stop();
    };
  }

  @Override
  public void appended(int messages) {
    meters.ifPresent(registry -> counter(registry, APPENDED).increment(messages));
  }

  @Override
  public void conflict(String operation) {
    meters.ifPresent(registry -> counter(registry, CONFLICTS, "operation", operation).increment());
  }

  @Override
  public void retried(String operation) {
    meters.ifPresent(registry -> counter(registry, RETRIES, "operation", operation).increment());
  }

  private Counter counter(MeterRegistry registry, String name, String... tags) {
    return Counter.builder(name).tag("store", store).tags(tags).register(registry);
  }
}
