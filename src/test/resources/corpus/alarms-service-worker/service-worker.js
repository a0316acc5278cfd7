import { schedule } from './lib/schedule.js';
chrome.runtime.onInstalled.addListener(() => schedule());
chrome.alarms.onAlarm.addListener((a) => chrome.notifications.create({type: 'basic', iconUrl: 'icons/alarm-128.png', title: a.name, message: 'Ring'}));
