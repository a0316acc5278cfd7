export function schedule() { chrome.alarms.create('tick', {periodInMinutes: 1}); }
