package io.stride.auth.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RegisterAccountRequest(
    @NotBlank @Email @Size(max = 320) String email,
    @NotBlank @Size(max = 128) String password,
    @NotBlank @Size(max = 80) String displayName) {

  @Override
  public String toString() {
    return "RegisterAccountRequest[email="
        + email
        + ", password=***, displayName="
        + displayName
        + "]";
  }
}
