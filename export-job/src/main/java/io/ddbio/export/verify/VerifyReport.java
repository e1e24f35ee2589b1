package io.ddbio.export.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * What a verification found, in the order found: checks that passed, problems, and notes (facts
 * worth knowing that are not problems, such as a backup copied away from where its manifest
 * points). Only problems fail a verification.
 */
public final class VerifyReport {
  /** How a line of the report counts. */
  public enum Kind {
    OK("ok      "),
    NOTE("note    "),
    PROBLEM("PROBLEM ");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One line of the report. */
  public record Line(Kind kind, String text) {}

  private final String title;
  private final List<Line> lines = new ArrayList<>();

  /**
   * @param title what is verified, e.g. {@code Verify of s3a://bucket/backups/t1}
   */
  public VerifyReport(String title) {
    this.title = title;
  }

  public void ok(String text) {
    lines.add(new Line(Kind.OK, text));
  }

  public void note(String text) {
    lines.add(new Line(Kind.NOTE, text));
  }

  public void problem(String text) {
    lines.add(new Line(Kind.PROBLEM, text));
  }

  /** Every line so far. */
  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** How many problems were found. */
  public long problems() {
    return lines.stream().filter(l -> l.kind() == Kind.PROBLEM).count();
  }

  /** Whether nothing is wrong. */
  public boolean passed() {
    return problems() == 0;
  }

  /** The report for people: the title, one line per finding, and the verdict. */
  public String render() {
    StringBuilder sb = new StringBuilder(title).append('\n');
    for (Line l : lines) {
      sb.append("  ").append(l.kind().label).append(l.text()).append('\n');
    }
    long problems = problems();
    sb.append(
        problems == 0
            ? "VERIFIED: no problems found.\n"
            : "FAILED: " + problems + (problems == 1 ? " problem" : " problems") + " found.\n");
    return sb.toString();
  }
}
