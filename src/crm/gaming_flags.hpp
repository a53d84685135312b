#pragma once
// Anti-gaming flags for managers (PRODUCT.md: "flag padded activity … instead of banning
// automatically"): patterns in the visits people logged that a manager may want to look at.
// They are flags, never penalties — nothing is taken from anyone, and a flagged visit earns as
// the rules say. Three patterns, over the visits that occurred on the company days [from, to]:
//  - burst: kBurstVisits or more trivial visits (notes under kTrivialNoteChars characters, no key
//    people attending) by one person within kBurstMinutes of each other, by occurred_at;
//  - same_client: one person logging the same client kSameClientVisits or more times in one ISO
//    week (the week of the flag's day, its Monday);
//  - back_and_forth: a visit edited so that when it happened, its client or its kind went back to
//    what it was before (A → B → A): records moved to farm a day or a cap, then moved back.
// A manager sees the people of their departments (on the visit's day), an admin everyone.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "crm/data_scope.hpp"
#include "crm/engine_service.hpp"
#include "store/store.hpp"

namespace laurel::crm {

inline constexpr int kBurstVisits = 5;
inline constexpr int kBurstMinutes = 30;
inline constexpr std::size_t kTrivialNoteChars = 20;
inline constexpr int kSameClientVisits = 5;
inline constexpr int kMaxGamingWindowDays = 92;

enum class GamingPattern : std::uint8_t { burst, same_client, back_and_forth };
std::string_view to_string(GamingPattern pattern);

struct GamingFlag {
  GamingPattern pattern = GamingPattern::burst;
  std::int64_t staff_id = 0;
  std::string name;
  core::LocalDate day{};  // burst, back_and_forth: the (first) visit's day; same_client: Monday
  std::optional<std::int64_t> client_id;  // same_client, back_and_forth
  std::vector<std::int64_t> visit_ids;    // the evidence, in occurred_at order
};

class GamingFlags {
 public:
  GamingFlags(store::Store& store, DataScopes& scopes, EngineService& engine,
              core::CompanyZone zone)
      : store_(store), scopes_(scopes), engine_(engine), zone_(zone) {}

  // By person name, then day. Field errors: "to" (before from, or a window over
  // kMaxGamingWindowDays days).
  core::Result<std::vector<GamingFlag>> of(core::LocalDate from, core::LocalDate to,
                                           const auth::Principal& caller);

 private:
  store::Store& store_;
  DataScopes& scopes_;
  EngineService& engine_;
  core::CompanyZone zone_;
};

}  // namespace laurel::crm
