package io.stride.social.clubs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The role an owner gives a member. */
record RoleChange(
    @Schema(
            allowableValues = {"OWNER", "ADMIN", "MEMBER"},
            example = "ADMIN")
        @NotNull
        String role) {}
