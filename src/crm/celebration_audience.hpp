#pragma once
// Whom a caller may see celebrated in the recognition pages everyone reads (the flags' parade,
// the weekly digest): everyone, except people hidden from public boards (crm/board_privacy.hpp)
// — whom managers, admins and the person themselves still see. One place, so the parade and the
// digest can never disagree about who is left out.

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
    return sees_hidden_ || me_ == staff_id || !hidden_.contains(staff_id);
  }

 private:
  bool sees_hidden_ = false;
  std::optional<std::int64_t> me_;
  std::unordered_set<std::int64_t> hidden_;
};

}  // namespace laurel::crm
