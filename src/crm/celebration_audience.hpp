#pragma once
// Whom a caller may see celebrated in the recognition pages everyone reads (the flags' parade,
// the weekly digest). Two choices of the person's own take them out:
//  - hiding from public boards (crm/board_privacy.hpp, PUT /api/v1/me/board-privacy);
//  - opting out of public celebration (PUT /api/v1/me/celebration): their flags, badges and
//    levels stay theirs, only the public moment goes.
// Managers and admins still see such people — marked (celebrates() is false for an opt-out), so
// nobody reads them out at the Monday meeting — and so does the person themselves. One place,
// so the parade and the digest can never disagree about who is left out.

#include <cstdint>
#include <optional>
#include <unordered_set>

#include "auth/principal.hpp"
#include "crm/data_scope.hpp"
#include "crm/engine_service.hpp"

namespace laurel::crm {

class CelebrationAudience {
 public:
  static core::Result<CelebrationAudience> of(const auth::Principal& caller, DataScopes& scopes,
                                              EngineService& engine);

  bool shows(std::int64_t staff_id) const {
    return sees_everyone_ || me_ == staff_id ||
           (!hidden_.contains(staff_id) && celebrates(staff_id));
  }
  // Whether the person wants to be celebrated in public (false: they opted out).
  bool celebrates(std::int64_t staff_id) const { return !opted_out_.contains(staff_id); }

 private:
  bool sees_everyone_ = false;
  std::optional<std::int64_t> me_;
  std::unordered_set<std::int64_t> hidden_;
  std::unordered_set<std::int64_t> opted_out_;
};

}  // namespace laurel::crm
