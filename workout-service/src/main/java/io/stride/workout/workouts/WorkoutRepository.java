package io.stride.workout.workouts;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkoutRepository extends JpaRepository<Workout, UUID> {}
