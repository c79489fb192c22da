#include "resolve/doc_state.h"

namespace kg {

void add_claims(DocState& st, const Matcher& matcher) {}

}  // namespace kg
