package io.ddbio.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link RetryListener} that keeps every retry it is told of. */
final class RecordingListener implements RetryListener {

  record Retry(String operation, FailureKind kind, int attempt, Duration delay, Throwable cause) {}

  private final List<Retry> retries = new ArrayList<>();

  @Override
  public void onRetry(
      String operation, FailureKind kind, int attempt, Duration delay, Throwable cause) {
    retries.add(new Retry(operation, kind, attempt, delay, cause));
  }

  List<Retry> retries() {
    return retries;
  }
}
