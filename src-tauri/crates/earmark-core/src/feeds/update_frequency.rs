//! How often a feed says it changes: Podcasting 2.0's `<podcast:updateFrequency
//! rrule="FREQ=WEEKLY;INTERVAL=2" complete="false">` and RSS 1.0's syndication module
//! (`<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>`).
//! Background checks of a feed that says it changes weekly come weekly, not hourly.

use rss::extension::syndication::{SyndicationExtension, UpdatePeriod};

use super::parse::Namespaces;
use super::podcast_tags::{tags, Tag, TagMap};

const HOUR: u64 = 60 * 60;
const DAY: u64 = 24 * HOUR;
/// A finished show (`complete="true"`) is still looked at weekly: it may come back.
const FINISHED: u64 = 7 * DAY;

/// The interval in seconds a feed says it changes at, if it says.
pub(super) fn update_every<T: Tag>(
    map: &TagMap<T>,
    ns: &Namespaces,
    syndication: Option<&SyndicationExtension>,
) -> Option<u64> {
    tags(map, &ns.podcast, "updateFrequency")
        .find_map(|tag| {
            if tag.attr("complete").is_some_and(|c| c.trim() == "true") {
                return Some(FINISHED);
            }
            rrule_interval(tag.attr("rrule")?)
        })
        .or_else(|| syndication.and_then(syndication_interval))
}

/// `FREQ=…;INTERVAL=…;BYDAY=…` as seconds between changes (a weekly rule on two days
/// is every half week).
fn rrule_interval(rule: &str) -> Option<u64> {
    let mut unit = None;
    let (mut interval, mut days) = (1u64, 1u64);
    for part in rule.split(';') {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_ascii_uppercase().as_str() {
            "FREQ" => unit = period_seconds(&value.to_ascii_lowercase()),
            "INTERVAL" => interval = value.parse().ok().filter(|&n| n > 0)?,
            "BYDAY" => days = value.split(',').count().max(1) as u64,
            _ => {}
        }
    }
    let unit = unit?;
    Some((unit.saturating_mul(interval) / days.min(unit / HOUR).max(1)).max(1))
}

fn syndication_interval(sy: &SyndicationExtension) -> Option<u64> {
    let unit = match sy.period() {
        UpdatePeriod::Hourly => HOUR,
        UpdatePeriod::Daily => DAY,
        UpdatePeriod::Weekly => 7 * DAY,
        UpdatePeriod::Monthly => 30 * DAY,
        UpdatePeriod::Yearly => 365 * DAY,
    };
    Some(unit / u64::from(sy.frequency().max(1)))
}

fn period_seconds(name: &str) -> Option<u64> {
    Some(match name {
        "hourly" => HOUR,
        "daily" => DAY,
        "weekly" => 7 * DAY,
        "monthly" => 30 * DAY,
        "yearly" => 365 * DAY,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_as_intervals() {
        assert_eq!(rrule_interval("FREQ=DAILY"), Some(DAY));
        assert_eq!(rrule_interval("FREQ=WEEKLY;INTERVAL=2"), Some(14 * DAY));
        assert_eq!(rrule_interval("freq=weekly;byday=MO,TH"), Some(7 * DAY / 2));
        assert_eq!(rrule_interval("FREQ=HOURLY;BYDAY=MO"), Some(HOUR));
        assert_eq!(rrule_interval("FREQ=SECONDLY"), None);
        assert_eq!(rrule_interval("INTERVAL=0;FREQ=DAILY"), None);
        assert_eq!(
            rrule_interval("FREQ=YEARLY;INTERVAL=99999999999999999"),
            Some(u64::MAX)
        );
    }
}
