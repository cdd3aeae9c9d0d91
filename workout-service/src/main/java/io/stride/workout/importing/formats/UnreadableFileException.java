package io.stride.workout.importing.formats;

/**
 * The file cannot become a workout; the message is the human reason shown on the import (it names
 * the problem, never echoes the file's content).
 */
public class UnreadableFileException extends RuntimeException {

  public UnreadableFileException(String reason) {
    super(reason);
  }

  public UnreadableFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
