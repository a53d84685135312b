#include "crm/coverage_service.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <set>

#include "core/timestamp.hpp"
#include "store/client_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

std::string member_field(std::size_t i, std::string_view name) {
  return "members[" + std::to_string(i) + "]." + std::string(name);
}

core::Status check_client(store::Connection& db, std::int64_t id) {
  auto found = store::ClientRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no client " + std::to_string(id));
  return {};
}

core::Result<store::StaffRecord> active_staff(store::Connection& db, std::int64_t id,
                                              const std::string& field) {
  auto found = store::StaffRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::invalid(field, "no staff member " + std::to_string(id));
  if (!(*found)->active) {
    return Error::invalid(field, (*found)->name + " is no longer active");
  }
  return std::move(**found);
}

void sort_members(std::vector<store::CoverageMember>& members) {
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    if ((a.role == "primary") != (b.role == "primary")) return a.role == "primary";
    return a.staff_id < b.staff_id;
  });
}

bool same_members(const std::vector<store::CoverageMember>& a,
                  const std::vector<store::CoverageMember>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.staff_id == y.staff_id && x.role == y.role && x.share_percent == y.share_percent;
  });
}

boost::json::value plan_json(const std::optional<store::CoveragePlan>& plan) {
  if (!plan) return nullptr;
  return boost::json::object{{"effective_from", plan->effective_from},
                             {"members", members_to_json(plan->members)}};
}

// The leaver's place taken by the successor, whose share (and primacy) add to any of their own.
store::CoveragePlan handed_over(store::CoveragePlan plan, std::int64_t from, std::int64_t to) {
  auto leaver = std::find_if(plan.members.begin(), plan.members.end(),
                             [&](const auto& m) { return m.staff_id == from; });
  if (leaver == plan.members.end()) return plan;
  const store::CoverageMember gone = *leaver;
  plan.members.erase(leaver);
  auto successor = std::find_if(plan.members.begin(), plan.members.end(),
                                [&](const auto& m) { return m.staff_id == to; });
  if (successor == plan.members.end()) {
    plan.members.push_back({to, gone.role, gone.share_percent});
  } else {
    successor->share_percent += gone.share_percent;
    if (gone.role == "primary") successor->role = "primary";
  }
  sort_members(plan.members);
  return plan;
}

}  // namespace

core::Status validate_members(const std::vector<store::CoverageMember>& members) {
  if (members.empty()) return {};  // coverage ends
  int total = 0;
  int primaries = 0;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto& m = members[i];
    if (!seen.insert(m.staff_id).second) {
      return Error::invalid(member_field(i, "staff_id"), "is listed twice");
    }
    if (m.role != "primary" && m.role != "secondary") {
      return Error::invalid(member_field(i, "role"), "must be one of: primary, secondary");
    }
    if (m.share_percent < 0 || m.share_percent > 100) {
      return Error::invalid(member_field(i, "share_percent"), "must be 0 to 100");
    }
    primaries += m.role == "primary" ? 1 : 0;
    total += m.share_percent;
  }
  if (primaries != 1) {
    return Error::invalid("members",
                          "must name exactly one primary, found " + std::to_string(primaries));
  }
  if (total != 100) {
    return Error::invalid("members",
                          "shares must sum to 100 percent, found " + std::to_string(total));
  }
  return {};
}

boost::json::array members_to_json(const std::vector<store::CoverageMember>& members) {
  boost::json::array out;
  for (const auto& m : members) {
    out.push_back(boost::json::object{
        {"staff_id", m.staff_id}, {"role", m.role}, {"share_percent", m.share_percent}});
  }
  return out;
}

boost::json::object coverage_to_json(const CoverageView& view) {
  boost::json::array history;
  for (const auto& period : view.history) {
    history.push_back(boost::json::object{
        {"effective_from", period.plan.effective_from},
        {"effective_to", period.effective_to ? boost::json::value(*period.effective_to) : nullptr},
        {"members", members_to_json(period.plan.members)}});
  }
  return {{"client_id", view.client_id},
          {"as_of", view.as_of},
          {"members", members_to_json(view.current)},
          {"history", std::move(history)}};
}

core::Result<std::vector<CreditShare>> credit_shares_on(store::Connection& db,
                                                        std::int64_t client_id,
                                                        std::string_view day) {
  auto plan = store::CoverageRepository(db).plan_on(client_id, day);
  if (!plan) return plan.error();
  std::vector<CreditShare> shares;
  if (*plan) {
    for (const auto& m : (*plan)->members)
      shares.push_back({m.staff_id, m.share_percent, m.role == "primary"});
  }
  return shares;
}

core::Status CoverageService::write_plan(store::Connection& db, const store::CoveragePlan& plan,
                                         const auth::Actor& actor) {
  store::CoverageRepository repository(db);
  auto before = repository.plan_on(plan.client_id, plan.effective_from);
  if (!before) return before.error();
  if (*before && same_members((*before)->members, plan.members)) return {};  // nothing changes
  if (!*before && plan.members.empty()) return {};
  if (auto s = repository.put(plan, core::to_micros(clock_.now())); !s) return s.error();
  const auto day = core::parse_date(plan.effective_from);
  auto seq = events_.append(
      db, actor,
      {"client.coverage_changed", "client", std::to_string(plan.client_id), plan_json(*before),
       plan_json(plan), day ? std::optional(zone_.start_of(*day)) : std::nullopt});
  if (!seq) return seq.error();
  return {};
}

core::Result<CoverageView> CoverageService::set(std::int64_t client_id, const CoverageInput& input,
                                                const auth::Actor& actor) {
  if (auto s = validate_members(input.members); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_client(db, client_id); !s) return s.error();
  for (std::size_t i = 0; i < input.members.size(); ++i) {
    auto staff = active_staff(db, input.members[i].staff_id, member_field(i, "staff_id"));
    if (!staff) return staff.error();
  }
  store::CoveragePlan plan{client_id, core::format_date(input.effective_from.value_or(today())),
                           input.members};
  sort_members(plan.members);
  if (auto s = write_plan(db, plan, actor); !s) return s.error();
  if (auto s = write->commit(); !s) return s.error();
  return get(client_id, input.effective_from.value_or(today()));
}

core::Result<CoverageView> CoverageService::get(std::int64_t client_id,
                                                std::optional<core::LocalDate> as_of) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  if (auto s = check_client(db, client_id); !s) return s.error();
  auto plans = store::CoverageRepository(db).plans(client_id);
  if (!plans) return plans.error();
  CoverageView view;
  view.client_id = client_id;
  view.as_of = core::format_date(as_of.value_or(today()));
  for (std::size_t i = 0; i < plans->size(); ++i) {
    auto& plan = (*plans)[i];
    if (plan.effective_from <= view.as_of) view.current = plan.members;
    std::optional<std::string> to;
    if (i + 1 < plans->size()) {
      const auto next = core::parse_date((*plans)[i + 1].effective_from);
      if (next) to = core::format_date(date::sys_days(*next) - date::days(1));
    }
    view.history.push_back({std::move(plan), std::move(to)});
  }
  return view;
}

core::Result<std::vector<store::CoveredClient>> CoverageService::clients_of(
    std::int64_t staff_id, std::optional<core::LocalDate> as_of) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::StaffRepository(**connection).find(staff_id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no staff member " + std::to_string(staff_id));
  return store::CoverageRepository(**connection)
      .clients_of(staff_id, core::format_date(as_of.value_or(today())));
}

core::Result<ReassignmentResult> CoverageService::reassign(const Reassignment& request,
                                                           const auth::Actor& actor) {
  if (request.from_staff_id == request.to_staff_id) {
    return Error::invalid("to_staff_id", "must differ from the staff member handing over");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto leaver = store::StaffRepository(db).find(request.from_staff_id);
  if (!leaver) return leaver.error();
  if (!*leaver) return Error::not_found("no staff member " + std::to_string(request.from_staff_id));
  auto successor = active_staff(db, request.to_staff_id, "to_staff_id");
  if (!successor) return successor.error();

  ReassignmentResult result;
  result.effective_from = core::format_date(request.effective_from.value_or(today()));
  store::CoverageRepository repository(db);
  auto current = repository.clients_of(request.from_staff_id, result.effective_from);
  if (!current) return current.error();
  auto later = repository.clients_with_later_plans(request.from_staff_id, result.effective_from);
  if (!later) return later.error();
  std::set<std::int64_t> clients(later->begin(), later->end());
  for (const auto& c : *current)
    clients.insert(c.client_id);

  for (const auto client_id : clients) {
    auto plans = repository.plans(client_id);
    if (!plans) return plans.error();
    std::vector<store::CoveragePlan> rewritten;
    // The plan in force on the day becomes a new plan from that day; later ones are rewritten.
    for (const auto& plan : *plans) {
      const bool names_leaver =
          std::any_of(plan.members.begin(), plan.members.end(),
                      [&](const auto& m) { return m.staff_id == request.from_staff_id; });
      if (plan.effective_from > result.effective_from && names_leaver) {
        rewritten.push_back(handed_over(plan, request.from_staff_id, request.to_staff_id));
      }
    }
    if (auto in_force = std::find_if(current->begin(), current->end(),
                                     [&](const auto& c) { return c.client_id == client_id; });
        in_force != current->end()) {
      auto plan = repository.plan_on(client_id, result.effective_from);
      if (!plan) return plan.error();
      auto next = handed_over(std::move(**plan), request.from_staff_id, request.to_staff_id);
      next.effective_from = result.effective_from;
      rewritten.insert(rewritten.begin(), std::move(next));
    }
    for (const auto& plan : rewritten) {
      if (auto s = write_plan(db, plan, actor); !s) return s.error();
    }
    result.client_ids.push_back(client_id);
  }
  if (auto s = write->commit(); !s) return s.error();
  return result;
}

}  // namespace laurel::crm
