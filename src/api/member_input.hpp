#pragma once
// Reading the members of a coverage plan or the credits of a transaction, which share a shape:
// {"staff_id": 12, "role": "primary", "share_percent": 60}.

#include <vector>

#include "http/json_input.hpp"
#include "store/coverage_repository.hpp"

namespace laurel::api {

// Each item of `items` as a member; errors name "<array>[i].<field>".
core::Result<std::vector<store::CoverageMember>> read_members(std::vector<http::JsonInput>& items);

}  // namespace laurel::api
