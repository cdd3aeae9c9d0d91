package io.stride.recommendation.training;

/** Today's kind of training, from lightest to the two demanding ones. */
public enum Kind {
  REST("rest"),
  EASY("easy"),
  STEADY("steady"),
  HARD("hard"),
  LONG("long");

  private final String code;

  Kind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * The kind offered instead when this one is passed on: hard and long become steady, and so on.
   */
  Kind lighter() {
    return switch (this) {
      case HARD, LONG -> STEADY;
      case STEADY -> EASY;
      case EASY, REST -> REST;
    };
  }

  boolean demanding() {
    return this == HARD || this == LONG;
  }

  static Kind of(String code) {
    for (Kind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no kind " + code);
  }
}
