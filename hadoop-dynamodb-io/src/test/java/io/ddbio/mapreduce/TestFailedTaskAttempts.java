package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;

class TestFailedTaskAttempts {

  /** A finished job as the cluster describes it: completion events and attempts' diagnostics. */
  private static final class EndedJob extends Job {
    private final List<TaskCompletionEvent> events = new ArrayList<>();
    private final Map<TaskAttemptID, String[]> diagnostics = new HashMap<>();
    private boolean noEvents;

    @SuppressWarnings("deprecation") // the one constructor a subclass can call
    EndedJob() throws IOException {
      super(new Configuration(false));
    }

    TaskAttemptID attempt(TaskCompletionEvent.Status status, String... diagnostics) {
      int n = events.size();
      TaskAttemptID id = new TaskAttemptID("1", 1, TaskType.MAP, n, 0);
      events.add(new TaskCompletionEvent(n, id, n, true, status, "http://node"));
      this.diagnostics.put(id, diagnostics);
      return id;
    }

    @Override
    public TaskCompletionEvent[] getTaskCompletionEvents(int startFrom, int numEvents) {
      if (noEvents) {
        return null;
      }
      int from = Math.min(startFrom, events.size());
      int to = Math.min(events.size(), from + numEvents);
      return events.subList(from, to).toArray(TaskCompletionEvent[]::new);
    }

    @Override
    public String[] getTaskDiagnostics(TaskAttemptID id) {
      return diagnostics.get(id);
    }
  }

  private static List<FailedTaskAttempts.Attempt> all(Job job) throws Exception {
    List<FailedTaskAttempts.Attempt> read = new ArrayList<>();
    FailedTaskAttempts.read(job, read::add);
    return read;
  }

  @Test
  void failedAttemptsComeInCompletionOrderWithTheirDiagnostics() throws Exception {
    EndedJob job = new EndedJob();
    job.attempt(TaskCompletionEvent.Status.SUCCEEDED, "fine");
    TaskAttemptID retried = job.attempt(TaskCompletionEvent.Status.FAILED, "a.txt:3: bad line");
    job.attempt(TaskCompletionEvent.Status.KILLED, "killed");
    TaskAttemptID last = job.attempt(TaskCompletionEvent.Status.TIPFAILED, "first", "second");
    job.attempt(TaskCompletionEvent.Status.OBSOLETE, "old");

    assertEquals(
        List.of(
            new FailedTaskAttempts.Attempt(retried, false, List.of("a.txt:3: bad line")),
            new FailedTaskAttempts.Attempt(last, true, List.of("first", "second"))),
        all(job));
  }

  @Test
  void everyPageOfEventsIsRead() throws Exception {
    EndedJob job = new EndedJob();
    for (int i = 0; i < 250; i++) {
      job.attempt(TaskCompletionEvent.Status.SUCCEEDED);
    }
    TaskAttemptID late = job.attempt(TaskCompletionEvent.Status.FAILED, "late");

    assertEquals(List.of(new FailedTaskAttempts.Attempt(late, false, List.of("late"))), all(job));
  }

  @Test
  void readingStopsWhenTheReaderHasEnough() throws Exception {
    EndedJob job = new EndedJob();
    TaskAttemptID first = job.attempt(TaskCompletionEvent.Status.FAILED, "one");
    job.attempt(TaskCompletionEvent.Status.FAILED, "two");
    List<TaskAttemptID> seen = new ArrayList<>();

    FailedTaskAttempts.read(job, a -> !seen.add(a.id()));

    assertEquals(List.of(first), seen);
  }

  @Test
  void missingEventsAndDiagnosticsAreNone() throws Exception {
    EndedJob job = new EndedJob();
    TaskAttemptID silent = job.attempt(TaskCompletionEvent.Status.FAILED, (String[]) null);
    TaskAttemptID gaps = job.attempt(TaskCompletionEvent.Status.FAILED, null, "kept");
    assertEquals(
        List.of(
            new FailedTaskAttempts.Attempt(silent, false, List.of()),
            new FailedTaskAttempts.Attempt(gaps, false, List.of("kept"))),
        all(job));

    job.noEvents = true;
    assertEquals(List.of(), all(job), Arrays.toString(job.getTaskCompletionEvents(0, 1)));
  }
}
