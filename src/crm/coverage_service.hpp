#pragma once
// Coverage: which staff cover a client, primary or secondary, and how a transaction's credit is
// split between them (whole percent, summing to 100, exactly one primary).
//
// Coverage is effective-dated in whole plans: setting a client's coverage from a day replaces
// everything from that day until the client's next plan; a plan on the same day as an existing
// one replaces it; an empty plan ends coverage. Transactions are credited from the plan in force
// on their trade date and keep that split, so a coverage change never re-credits past trades.
//
// A leaver's clients are handed over in bulk: every plan naming them from a day on names their
// successor instead (who adds the leaver's share to any share of their own).

#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "crm/credit_split.hpp"
#include "crm/event_log.hpp"
#include "store/coverage_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct CoverageInput {
  std::optional<core::LocalDate> effective_from;  // default: today, company time
  std::vector<store::CoverageMember> members;
};

struct CoveragePeriod {
  store::CoveragePlan plan;
  std::optional<std::string> effective_to;  // last day in force; none while open-ended
};

struct CoverageView {
  std::int64_t client_id = 0;
  std::string as_of;
  std::vector<store::CoverageMember> current;  // the plan in force on as_of
  std::vector<CoveragePeriod> history;         // oldest first
};

struct Reassignment {
  std::int64_t from_staff_id = 0;
  std::int64_t to_staff_id = 0;
  std::optional<core::LocalDate> effective_from;  // default: today
};

struct ReassignmentResult {
  std::string effective_from;
  std::vector<std::int64_t> client_ids;  // every client whose coverage changed
};

class CoverageService {
 public:
  CoverageService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
                  const EventLog& events)
      : store_(store), clock_(clock), zone_(zone), events_(events) {}

  core::Result<CoverageView> set(std::int64_t client_id, const CoverageInput& input,
                                 const auth::Actor& actor);
  core::Result<CoverageView> get(std::int64_t client_id, std::optional<core::LocalDate> as_of);
  core::Result<std::vector<store::CoveredClient>> clients_of(std::int64_t staff_id,
                                                             std::optional<core::LocalDate> as_of);
  core::Result<ReassignmentResult> reassign(const Reassignment& request, const auth::Actor& actor);

  core::LocalDate today() const { return zone_.date_of(clock_.now()); }

 private:
  core::Status write_plan(store::Connection& db, const store::CoveragePlan& plan,
                          const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
};

// The credit shares of the plan in force on `day` (empty when nobody covers the client).
core::Result<std::vector<CreditShare>> credit_shares_on(store::Connection& db,
                                                        std::int64_t client_id,
                                                        std::string_view day);

// Checks a plan's members; fields are named "members[i].<field>".
core::Status validate_members(const std::vector<store::CoverageMember>& members);

boost::json::object coverage_to_json(const CoverageView& view);
boost::json::array members_to_json(const std::vector<store::CoverageMember>& members);

}  // namespace laurel::crm
