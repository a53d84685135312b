#pragma once
// How well the team reaches the people who decide: key-person statistics per client (see
// crm/key_person_stats.hpp for the rules) and a salesperson's "my day" — the follow-ups due in
// the coming week (overdue ones flagged), the decision makers overdue at the clients they cover
// today, those clients ranked by overdue decision makers (then by the lowest coverage score),
// and the clients they visited most recently. Target progress joins "my day" with targets.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "crm/key_person_stats.hpp"
#include "store/store.hpp"
#include "store/visit_repository.hpp"

namespace laurel::crm {

struct ClientReach {
  std::int64_t client_id = 0;
  std::string client_name;
  KeyPersonStats stats;
};

struct MyDay {
  std::string today;
  std::int64_t staff_id = 0;
  std::vector<store::VisitRecord> follow_ups;  // due by today + 7, oldest due first
  std::vector<ClientReach> clients;            // covered today, most overdue first
  std::vector<store::RecentClient> recent_clients;
};

class ReachService {
 public:
  static constexpr int kFollowUpHorizonDays = 7;
  static constexpr int kRecentClients = 10;

  ReachService(store::Store& store, const core::Clock& clock, core::CompanyZone zone)
      : store_(store), clock_(clock), zone_(zone) {}

  // as_of: default today (company time).
  core::Result<ClientReach> for_client(std::int64_t client_id,
                                       std::optional<core::LocalDate> as_of);
  core::Result<MyDay> my_day(const auth::Principal& caller);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
};

boost::json::object client_reach_to_json(const ClientReach& reach);
boost::json::object my_day_to_json(const MyDay& day);

}  // namespace laurel::crm
