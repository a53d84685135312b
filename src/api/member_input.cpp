#include "api/member_input.hpp"

namespace laurel::api {

core::Result<std::vector<store::CoverageMember>> read_members(std::vector<http::JsonInput>& items) {
  std::vector<store::CoverageMember> members;
  members.reserve(items.size());
  for (auto& item : items) {
    store::CoverageMember m;
    auto staff = item.required_integer("staff_id", 1, INT64_MAX);
    if (!staff) return staff.error();
    m.staff_id = *staff;
    auto role = item.required_string("role", {1, 20});
    if (!role) return role.error();
    m.role = std::move(*role);
    auto share = item.required_integer("share_percent", 0, 100);
    if (!share) return share.error();
    m.share_percent = static_cast<int>(*share);
    if (auto s = item.finish(); !s) return s.error();
    members.push_back(std::move(m));
  }
  return members;
}

}  // namespace laurel::api
