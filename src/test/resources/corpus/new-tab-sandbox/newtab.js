window.addEventListener('message', (e) => console.log(e.data));
