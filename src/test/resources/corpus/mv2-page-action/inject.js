console.log('injected');
