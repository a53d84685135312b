#pragma once
// The public shape of a user and of an API token, as the API returns them and the audit log
// records them. Secrets (password and token hashes) never appear.

#include <boost/json/object.hpp>

#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace laurel::auth {

boost::json::object user_to_json(const store::UserRecord& user);
boost::json::object token_to_json(const store::ApiTokenRecord& token);

}  // namespace laurel::auth
