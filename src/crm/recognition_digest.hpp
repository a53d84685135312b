#pragma once
// The weekly recognition digest (PRODUCT.md, gamification): for an ISO week, every person's new
// flags (their first uses of CRM functions), the badges Laurel first saw them hold that week
// (still held), and the level they rose to — status points at the week's end against its start;
// a clawback that takes a level back is not celebrated — and the challenges they completed or
// won (crm/challenge_service.hpp), with the departments' and the whole company's, and the
// company's totals. For the Monday meeting and, later, the e-mail.
//
// Like the flags' parade, it leaves out people hidden from public boards, except for managers,
// admins and the person (crm/celebration_audience.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/period.hpp"
#include "crm/badge_service.hpp"
#include "crm/challenge_service.hpp"
#include "crm/flag_service.hpp"
#include "crm/point_levels.hpp"

namespace laurel::crm {

struct DigestBadge {
  std::int64_t rule_id = 0;
  std::string name;
  std::int64_t visit_id = 0;
  std::int64_t first_earned_at = 0;  // micros
};

struct LevelUp {
  std::string from;         // the level at the week's start
  std::string to;           // and at its end
  std::int64_t status = 0;  // status points at the end
};

struct DigestEntry {
  std::int64_t staff_id = 0;
  std::string name;
  bool celebrate_publicly = true;  // false: shown to a manager or themselves, not to be read out
  std::vector<EarnedFlag> flags;
  std::vector<DigestBadge> badges;
  std::optional<LevelUp> level_up;
  std::vector<ChallengeResult> challenges;  // completed or won that week
};

struct Digest {
  core::Period week{};
  std::vector<DigestEntry> people;               // by name
  std::vector<ChallengeResult> team_challenges;  // departments' and the company's, by time
};

class RecognitionDigest {
 public:
  RecognitionDigest(store::Store& store, EngineService& engine, FlagService& flags,
                    BadgeService& badges, PointLevelService& levels, ChallengeService& challenges,
                    DataScopes& scopes, core::CompanyZone zone)
      : store_(store),
        engine_(engine),
        flags_(flags),
        badges_(badges),
        levels_(levels),
        challenges_(challenges),
        scopes_(scopes),
        zone_(zone) {}

  core::Result<Digest> of(core::Period week, const auth::Principal& caller);

 private:
  store::Store& store_;
  EngineService& engine_;
  FlagService& flags_;
  BadgeService& badges_;
  PointLevelService& levels_;
  ChallengeService& challenges_;
  DataScopes& scopes_;
  core::CompanyZone zone_;
};

}  // namespace laurel::crm
