#include "crm/celebration_audience.hpp"

namespace laurel::crm {

core::Result<CelebrationAudience> CelebrationAudience::of(const auth::Principal& caller,
                                                          DataScopes& scopes,
                                                          EngineService& engine) {
  auto scope = scopes.of(caller);
  if (!scope) return scope.error();
  auto hidden = engine.hidden_staff();
  if (!hidden) return hidden.error();
  auto opted_out = engine.uncelebrated_staff();
  if (!opted_out) return opted_out.error();
  CelebrationAudience out;
  out.sees_everyone_ = caller.role == auth::Role::admin || caller.role == auth::Role::manager;
  out.me_ = scope->staff_id;
  out.hidden_ = std::move(*hidden);
  out.opted_out_ = std::move(*opted_out);
  return out;
}

}  // namespace laurel::crm
