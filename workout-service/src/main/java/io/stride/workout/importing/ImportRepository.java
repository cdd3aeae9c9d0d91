package io.stride.workout.importing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportRepository extends JpaRepository<WorkoutImport, UUID> {}
