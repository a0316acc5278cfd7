(()=>{console.log('background')})();
//# sourceMappingURL=background.js.map
