package io.stride.auth.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account owner's password, re-entered to confirm the deletion. */
record DeleteAccountRequest(
    @NotBlank @Size(max = 128) @Schema(example = "correct horse battery staple") String password) {

  @Override
  public String toString() {
    return "DeleteAccountRequest[password=***]";
  }
}
