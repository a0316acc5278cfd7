chrome.tabs.onCreated.addListener(() => chrome.browserAction.setBadgeText({text: '+'}));
