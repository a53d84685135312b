#pragma once
// Reading the flags (crm/flag_set.hpp): a person's flags, earned or still to earn, each with the
// first use that earned it; why one was earned (the event of that use); and a week's parade —
// everyone's new flags of the week, for the formal handing out the seed describes. The parade
// leaves out people hidden from public boards, except for managers, admins and the person
// (crm/celebration_audience.hpp).
//
// Whose flags a caller reads: as for points (crm/points_service.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/period.hpp"
#include "crm/engine_service.hpp"
#include "crm/flag_set.hpp"
#include "crm/points_service.hpp"
#include "store/event_repository.hpp"
#include "store/flag_repository.hpp"

namespace laurel::crm {

struct EarnedFlag {
  Flag flag;
  std::optional<store::FirstUseRecord> use;  // none: not earned yet
};

struct FlagWhy {
  EarnedFlag flag;
  std::optional<store::EventRecord> event;  // the first use
};

struct ParadeEntry {
  std::int64_t staff_id = 0;
  std::string name;
  bool celebrate_publicly = true;  // false: shown to a manager or themselves, not to be read out
  std::vector<EarnedFlag> flags;   // the week's new ones, in the order they were earned
};

struct Parade {
  core::Period week{};
  std::vector<ParadeEntry> people;  // who earned first in the week first
};

class FlagService {
 public:
  FlagService(store::Store& store, EngineService& engine, PointsService& points,
              FlagSetService& flag_set, DataScopes& scopes, core::CompanyZone zone)
      : store_(store),
        engine_(engine),
        points_(points),
        flag_set_(flag_set),
        scopes_(scopes),
        zone_(zone) {}

  // The flags of the set, in its order, each earned or not.
  core::Result<std::vector<EarnedFlag>> of(std::int64_t staff_id);
  core::Result<FlagWhy> why(std::int64_t staff_id, const std::string& function);
  core::Result<Parade> parade(core::Period week, const auth::Principal& caller);

 private:
  store::Store& store_;
  EngineService& engine_;
  PointsService& points_;
  FlagSetService& flag_set_;
  DataScopes& scopes_;
  core::CompanyZone zone_;
};

}  // namespace laurel::crm
