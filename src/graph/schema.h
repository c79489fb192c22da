// The node and edge type strings of the graph schema (spec §5). Use these constants,
// never string literals, so that a typo is a compile error.
#pragma once

#include <string_view>

namespace kg::node_type {
inline constexpr std::string_view kDocument = "Document";
inline constexpr std::string_view kQuestion = "Question";
inline constexpr std::string_view kAnswer = "Answer";
inline constexpr std::string_view kPerson = "Person";
inline constexpr std::string_view kParty = "Party";
inline constexpr std::string_view kOrganization = "Organization";
inline constexpr std::string_view kCountry = "Country";
inline constexpr std::string_view kLegalInstrument = "LegalInstrument";
inline constexpr std::string_view kLegalProvision = "LegalProvision";
inline constexpr std::string_view kCourtDecision = "CourtDecision";
inline constexpr std::string_view kParliamentaryPaper = "ParliamentaryPaper";
inline constexpr std::string_view kMotion = "Motion";
inline constexpr std::string_view kMeeting = "Meeting";
inline constexpr std::string_view kCommitment = "Commitment";
inline constexpr std::string_view kClaim = "Claim";
inline constexpr std::string_view kPolicyDocument = "PolicyDocument";
}  // namespace kg::node_type

namespace kg::edge_type {
inline constexpr std::string_view kContains = "CONTAINS";
inline constexpr std::string_view kAsked = "ASKED";
inline constexpr std::string_view kAnswered = "ANSWERED";
inline constexpr std::string_view kAnswers = "ANSWERS";
inline constexpr std::string_view kAddressedTo = "ADDRESSED_TO";
inline constexpr std::string_view kMemberOf = "MEMBER_OF";
inline constexpr std::string_view kHoldsOffice = "HOLDS_OFFICE";
inline constexpr std::string_view kMentions = "MENTIONS";
inline constexpr std::string_view kCites = "CITES";
inline constexpr std::string_view kPartOf = "PART_OF";
inline constexpr std::string_view kSubmitted = "SUBMITTED";
inline constexpr std::string_view kDiscussedIn = "DISCUSSED_IN";
inline constexpr std::string_view kCommitted = "COMMITTED";
inline constexpr std::string_view kRestates = "RESTATES";
inline constexpr std::string_view kFulfilledBy = "FULFILLED_BY";
inline constexpr std::string_view kClaims = "CLAIMS";
inline constexpr std::string_view kAttributedTo = "ATTRIBUTED_TO";
inline constexpr std::string_view kAbout = "ABOUT";
inline constexpr std::string_view kRefersTo = "REFERS_TO";
inline constexpr std::string_view kFollowsUp = "FOLLOWS_UP";
}  // namespace kg::edge_type
