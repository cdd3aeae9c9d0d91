package io.stride.region.regions;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, String> {

  /** The region, locked until the transaction ends: conditional writes queue behind each other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Region r where r.code = ?1")
  Optional<Region> findForUpdate(String code);

  /** A country and its subdivisions, or a subdivision, its country and its siblings. */
  @Query("select r from Region r where r.country = ?1")
  List<Region> findByCountry(String country);
}
