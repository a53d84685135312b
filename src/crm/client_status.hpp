#pragma once
// A client's status, derived from its activation rather than typed in:
// - prospect: it has never subscribed (认购 or 申购, not failed or cancelled);
// - active: it holds something today, or subscribed within the last `crm.dormant_after_days`;
// - dormant: it subscribed once, holds nothing today, and has not subscribed for that long.
// Derived on read from transactions and holdings, so it is never stale and needs no job.

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "crm/holdings_service.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct ClientStatus {
  std::string status;  // "prospect" | "active" | "dormant"
  std::optional<std::string> first_subscription_date;
  std::optional<std::string> last_subscription_date;
  bool holds = false;
};

class ClientStatuses {
 public:
  ClientStatuses(store::Store& store, HoldingsService& holdings, int dormant_after_days)
      : store_(store), holdings_(holdings), dormant_after_days_(dormant_after_days) {}

  core::Result<ClientStatus> of(std::int64_t client_id);

 private:
  store::Store& store_;
  HoldingsService& holdings_;
  int dormant_after_days_;
};

// The status members a client's JSON carries.
void add_status_json(boost::json::object& client, const ClientStatus& status);

}  // namespace laurel::crm
