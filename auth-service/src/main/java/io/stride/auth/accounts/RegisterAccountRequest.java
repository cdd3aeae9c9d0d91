package io.stride.auth.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RegisterAccountRequest(
    @NotBlank @Email @Size(max = 320) @Schema(example = "ada@example.com") String email,
    @NotBlank @Size(max = 128) @Schema(example = "correct horse battery staple") String password,
    @NotBlank @Size(max = 80) @Schema(example = "Ada Lovelace") String displayName) {

  @Override
  public String toString() {
    return "RegisterAccountRequest[email="
        + email
        + ", password=***, displayName="
        + displayName
        + "]";
  }
}
