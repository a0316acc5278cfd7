(()=>{console.log('content')})();
//# sourceMappingURL=content.js.map
