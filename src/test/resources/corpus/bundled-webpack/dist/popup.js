(()=>{console.log('popup')})();
//# sourceMappingURL=popup.js.map
