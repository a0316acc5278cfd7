console.log(chrome.devtools.inspectedWindow.tabId);
