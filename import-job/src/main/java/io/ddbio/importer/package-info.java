/**
 * The import tool: {@code ImportTool} parses the command line ({@code ImportArguments}), finds the
 * backup, runs the checks that need no task, wires the job and prints its summary. It may use every
 * package of the import; none of them uses it, except to read a failed task's reason ({@code
 * TaskFailures}).
 */
package io.ddbio.importer;
